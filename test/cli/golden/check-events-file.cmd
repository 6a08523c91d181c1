check test/cli/golden/files/events.jsonl
