run test/cli/golden/files/rome/rome.rules --events test/cli/golden/files/rome/events.jsonl --trace --until 2026-03-02
