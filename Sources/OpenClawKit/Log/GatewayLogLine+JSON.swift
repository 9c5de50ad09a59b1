import FoundationEssentials

extension GatewayLogLine {
    /// Reads a tslog JSON object line. Throws when the bytes are not one JSON object.
    init(json bytes: UnsafeRawBufferPointer) throws(GatewayLogLineError) {
        let root: LogJSONValue
        do {
            root = try LogJSONReader.read(bytes)
        } catch {
            throw GatewayLogLineError.malformedJSON(error.description)
        }
        // Only called for lines starting with "{", so a value that reads fully is an object.
        guard case .object(let members) = root else { throw GatewayLogLineError.malformedJSON("not an object") }

        var subsystem: String?
        var messages: [String] = []
        var meta: [String: LogJSONValue] = [:]
        for (position, value) in Self.positionalArguments(of: members) {
            switch value {
            case .string(let text):
                if position == 0, subsystem == nil, let bound = Self.subsystem(fromBindings: text) {
                    subsystem = bound
                } else {
                    messages.append(text)
                }
            case .object(let fields):
                // A later object never overrides the first one's fields: the first is the event's meta.
                meta.merge(fields) { first, _ in first }
            case .number, .bool:
                messages.append(Self.text(of: value))
            case .null, .array:
                break
            }
        }
        if messages.isEmpty, let message = members["message"]?.stringValue { messages.append(message) }

        let metaBlock = members["_meta"]
        if subsystem == nil, let name = metaBlock?["name"]?.stringValue {
            subsystem = Self.subsystem(fromBindings: name)
        }
        if subsystem == nil { subsystem = members["subsystem"]?.stringValue ?? meta["subsystem"]?.stringValue }

        var level = metaBlock?["logLevelName"]?.stringValue.flatMap(Level.init(name:))
        if level == nil, let id = metaBlock?["logLevelId"]?.intValue { level = Level(rawValue: id) }
        if level == nil, let name = members["level"]?.stringValue { level = Level(name: name) }

        let time = members["time"].flatMap(LogTimestamp.date(from:))
            ?? metaBlock?["date"].flatMap(LogTimestamp.date(from:))

        self.init(format: .json, time: time, level: level, subsystem: subsystem,
                  message: messages.joined(separator: " "), meta: meta, topLevel: members)
    }

    /// `"0"`, `"1"`, … in numeric order (a dictionary keeps none).
    private static func positionalArguments(of members: [String: LogJSONValue]) -> [(Int, LogJSONValue)] {
        members.compactMap { key, value -> (Int, LogJSONValue)? in
            guard let position = Int(key), position >= 0, String(position) == key else { return nil }
            return (position, value)
        }
        .sorted { $0.0 < $1.0 }
    }

    /// `{"subsystem":"gateway"}` → `gateway`; nil when the string is no bindings object.
    private static func subsystem(fromBindings text: String) -> String? {
        guard text.hasPrefix("{"), let bindings = try? LogJSONReader.read(text) else { return nil }
        return bindings["subsystem"]?.stringValue ?? bindings["module"]?.stringValue
    }

    private static func text(of value: LogJSONValue) -> String {
        switch value {
        case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): return String(flag)
        default: return ""
        }
    }
}
