run test/cli/golden/files/deals.rules --events test/cli/golden/files/events.jsonl --until 2026-03-10T00:00:00+25:00
