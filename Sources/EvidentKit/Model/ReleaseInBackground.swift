import Dispatch

/// Frees `value` on another thread, so that the caller goes on at once: freeing what status judged with (a few
/// hundred thousand values) held it up by a thirtieth of its time.
///
/// The value is moved into a box only the other thread empties, so that its last reference always goes there.
/// Public for the CLI, which lets go of the verdicts this way once it has printed them.
public func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).async { box.empty() }
}

/// Holds a value until `empty` is called, once, on one thread; nothing else reads it.
private final class ReleaseBox<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) { self.value = value }

    func empty() { value = nil }
}
