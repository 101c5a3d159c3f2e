import EvidentCLI
import Foundation

@main
struct Main {
    static func main() {
        exit(EvidentMain.run(Array(CommandLine.arguments.dropFirst())))
    }
}
