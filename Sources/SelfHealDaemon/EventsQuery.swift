import FoundationEssentials
import HealCore

/// `GET /events?since=&limit=`: `since` is unix seconds or an ISO 8601 time; `limit` 1...1000
/// (default 100).
struct EventsQuery: Equatable {
    var since: Date?
    var limit: Int

    struct Invalid: Error { var message: String }

    init(parameters: [String: String]) throws(Invalid) {
        limit = 100
        if let text = parameters["limit"] {
            guard let value = Int(text), (1...1000).contains(value) else {
                throw Invalid(message: "limit: expected a whole number from 1 to 1000, got '\(text)'")
            }
            limit = value
        }
        if let text = parameters["since"], !text.isEmpty {
            if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
                since = Date(timeIntervalSince1970: seconds)
            } else if let date = Timestamps.parse(text) {
                since = date
            } else {
                throw Invalid(message: "since: expected unix seconds or an ISO 8601 time, got '\(text)'")
            }
        }
    }
}
