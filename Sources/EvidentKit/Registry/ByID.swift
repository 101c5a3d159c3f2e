/// Values keyed by row id, held in an array: row ids are small and dense, and the verdict loop
/// looks them up hundreds of thousands of times. Ids past `arrayLimit` (only a tampered database
/// has those) go to a dictionary instead, so a huge id cannot make a huge array.
struct ByID<Value> {
    static var arrayLimit: Int64 { 1 << 24 }

    private var values: [Value?] = []
    private var overflow: [Int64: Value] = [:]

    subscript(id: Int64) -> Value? {
        get {
            if id >= 0 && id < values.count { return values[Int(id)] }
            // Where the setter put them: ids outside the array's range, negative ones included.
            return id >= 0 && id < Self.arrayLimit ? nil : overflow[id]
        }
        set {
            guard id >= 0 && id < Self.arrayLimit else {
                overflow[id] = newValue
                return
            }
            if id == values.count {
                // Loaders set ids in ascending order: one append, not a gap of nils to fill.
                values.append(newValue)
                return
            }
            if id > values.count { values.append(contentsOf: repeatElement(nil, count: Int(id) - values.count + 1)) }
            values[Int(id)] = newValue
        }
    }

    /// Whether a value is stored under `id`; unlike `self[id] != nil`, without copying it.
    func contains(_ id: Int64) -> Bool {
        if id >= 0 && id < values.count { return values[Int(id)] != nil }
        return !(id >= 0 && id < Self.arrayLimit) && overflow[id] != nil
    }

    /// Sorts every array stored.
    mutating func sortEach<Element: Comparable>() where Value == [Element] {
        // Tested first, without writing: lists arrive mostly in order, and sorting one in place costs a uniqueness
        // check and a sort's setup even when it changes nothing.
        func inOrder(_ list: [Element]?) -> Bool { list.map { zip($0, $0.dropFirst()).allSatisfy(<=) } ?? true }
        for index in values.indices where !inOrder(values[index]) { values[index]?.sort() }
        for id in overflow.keys where !inOrder(overflow[id]) { overflow[id]?.sort() }
    }

    /// Appends to the array stored under `id`, creating it when absent.
    mutating func append<Element>(_ element: Element, to id: Int64) where Value == [Element] {
        var list = self[id] ?? []
        self[id] = nil
        list.append(element)
        self[id] = list
    }
}

extension ByID: Sendable where Value: Sendable {}
