import ArgumentParser

/// The options that may come before the command name as well as after it: `evident --home DIR status`.
///
/// ArgumentParser reads an option only on the command that declares it, so the options given before the name are
/// moved to just after the full command name (`evident evidence list`) before parsing. The command then reads them as
/// its own, or refuses one it does not take (`--actor` on a command that changes nothing) with its usual error.
enum GlobalOptions {
    /// The options taking a value.
    static let valued: Set<String> = ["--home", "--actor", "--lang"]
    /// The flags.
    static let flags: Set<String> = ["--json"]

    /// `arguments` with the global options found among the leading command names moved after the last of them.
    ///
    /// Throws `UnknownCommand` for a word where a command group expects the name of one of its commands, including
    /// after `help`.
    static func reordered(_ arguments: [String], root: any ParsableCommand.Type = EvidentCommand.self) throws
        -> [String]
    {
        var command = root
        var names: [String] = []
        var moved: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flags.contains(argument) || (valued.contains(name) && argument.contains("=")) {
                moved.append(argument)
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.endIndex {
                moved += arguments[index...(index + 1)]
                index += 2
            } else if let subcommand = command.configuration.subcommands.first(where: {
                $0._commandName == argument || $0.configuration.aliases.contains(argument)
            }) {
                names.append(argument)
                command = subcommand
                index += 1
            } else if argument == "help" && names.isEmpty {
                names.append(argument)
                index += 1
            } else if !command.configuration.subcommands.isEmpty && !argument.hasPrefix("-") {
                let path = names.filter { $0 != "help" }
                let known: [String] = command.configuration.subcommands.map { $0._commandName }
                throw UnknownCommand(name: argument, path: path, known: known)
            } else {
                break
            }
        }
        return names + moved + arguments[index...]
    }
}
