run test/golden/commands/files/deals.rules --event test/golden/commands/files/events.jsonl
