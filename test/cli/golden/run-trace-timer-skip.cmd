run test/cli/golden/files/timer-skip.rules --events test/cli/golden/files/timer-skip.jsonl --until 2026-01-10T00:00:00Z --trace
