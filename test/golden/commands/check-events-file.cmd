check test/golden/commands/files/events.jsonl
