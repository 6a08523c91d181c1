run test/cli/golden/files/deals.rules --events test/cli/golden/files/events.jsonl --until 2026-01-01T09:30:00Z
