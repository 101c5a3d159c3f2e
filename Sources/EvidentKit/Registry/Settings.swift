import GRDB

/// The setting keys of a home, and their defaults.
public enum Setting: String, Sendable, CaseIterable {
    /// Months after capture that opt-out evidence without a review date is due for review (default 12).
    case optOutReviewMonths = "opt-out-review-months"
    /// Days before a lapse that a compliant usage is reported as expiring (default 60).
    case warningDays = "warning-days"

    /// The value a home has until the setting is changed.
    public var defaultValue: Int {
        switch self {
        case .optOutReviewMonths: RulePolicy.standard.optOutReviewMonths
        case .warningDays: RulePolicy.standard.warningDays
        }
    }

    /// The values the setting takes.
    public var range: ClosedRange<Int> {
        switch self {
        case .optOutReviewMonths: Limits.months
        case .warningDays: Limits.days
        }
    }

    /// What the setting counts.
    public var unit: String {
        switch self {
        case .optOutReviewMonths: "months"
        case .warningDays: "days"
        }
    }

    /// The field a new value of this setting comes in.
    var field: Field {
        switch self {
        case .optOutReviewMonths: .optOutReviewMonths
        case .warningDays: .warningDays
        }
    }

    /// What the setting means, in a line for people.
    public var summary: String {
        switch self {
        case .optOutReviewMonths: "months after capture that opt-out evidence without a review date is due for review"
        case .warningDays: "days before a lapse that a compliant usage is reported as expiring"
        }
    }
}

extension RulePolicy {
    /// The policy that settings give, by key; a missing key keeps its default.
    init(settings: [String: Int]) {
        self.init(
            optOutReviewMonths: settings[Setting.optOutReviewMonths.rawValue]
                ?? Setting.optOutReviewMonths.defaultValue,
            warningDays: settings[Setting.warningDays.rawValue] ?? Setting.warningDays.defaultValue)
    }

    /// The settings that give this policy, by key.
    var settings: [String: Int] {
        [Setting.optOutReviewMonths.rawValue: optOutReviewMonths, Setting.warningDays.rawValue: warningDays]
    }
}

extension Registry {
    /// The rule policy stored in this home's settings, its warning window replaced by `window` days when given.
    public func policy(window: Int? = nil) throws -> RulePolicy {
        var policy = RulePolicy(
            settings: Dictionary(uniqueKeysWithValues: try settings().map { ($0.key.rawValue, $0.value) }))
        if let window {
            try Validate.number(window, field: .window, in: Limits.days, unit: "days")
            policy.warningDays = window
        }
        return policy
    }

    /// Every setting with its current value.
    public func settings() throws -> [Setting: Int] {
        try read { db in
            var values = Dictionary(uniqueKeysWithValues: Setting.allCases.map { ($0, $0.defaultValue) })
            for record in try SettingRecord.fetchAll(db) {
                if let key = Setting(rawValue: record.key), let value = Int(record.value) { values[key] = value }
            }
            return values
        }
    }

    /// Changes a setting of this home.
    public func set(_ setting: Setting, to value: Int, _ context: ChangeContext) throws {
        try Validate.number(value, field: setting.field, in: setting.range, unit: setting.unit)
        try write(
            context,
            subjects: { db in
                try SettingRecord(key: setting.rawValue, value: String(value)).insert(db, onConflict: .replace)
                return ((), [.settings])
            })
    }
}
