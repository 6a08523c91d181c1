run test/fixtures/deploy/head --resume test/fixtures/deploy/base.snapshot.json --events test/fixtures/deploy/more.jsonl --until 2026-03-20T00:00:00Z
