run test/golden/commands/files/deals.rules --events test/golden/commands/files/events.jsonl --until 2026-01-01T09:30:00Z
