explain test/cli/golden/files/rome/rome.rules --events test/cli/golden/files/rome/events.jsonl --entity deal/D1 --until 2026-03-03
