import FoundationEssentials
import HealCore
import RawHTTP

/// `POST /pause?for=SECONDS&reason=TEXT` and `POST /resume`: the owner's maintenance mode.
extension ControlRoutes {
    func pause(_ request: HTTPRequest) async -> HTTPResponse {
        var seconds = MaintenanceState.defaultSec
        if let text = request.query["for"] {
            guard let n = Int(text), (1...MaintenanceState.maxSec).contains(n) else {
                return .error(status: 400, code: "bad_query",
                              message: "for must be a number of seconds from 1 to \(MaintenanceState.maxSec) (7 days), got '\(text.prefix(40))'")
            }
            seconds = n
        }
        let reason = request.query["reason"] ?? ""
        guard reason.count <= 200 else {
            return .error(status: 400, code: "bad_query", message: "reason must be at most 200 characters, got \(reason.count)")
        }
        let m = await healer.pause(seconds: seconds, reason: reason)
        return .json(JSONBody.encode(MaintenanceAnswer(paused: true, maintenance: .init(m, now: Date()))))
    }

    func resume() async -> HTTPResponse {
        guard let m = await healer.resume() else {
            return .json(JSONBody.encode(MaintenanceAnswer(paused: false, maintenance: nil, message: "not paused")))
        }
        return .json(JSONBody.encode(MaintenanceAnswer(paused: false, maintenance: .init(m, now: Date()),
                                                       message: "maintenance ended")))
    }
}

struct MaintenanceAnswer: Encodable {
    struct Pause: Encodable {
        var id: String
        var since: Int
        var until: Int
        var reason: String
        init(_ m: MaintenanceState, now: Date) {
            id = m.id; since = Int(m.since.timeIntervalSince1970); until = Int(m.until.timeIntervalSince1970); reason = m.reason
        }
    }
    var paused: Bool
    var maintenance: Pause?
    var message: String?
}
