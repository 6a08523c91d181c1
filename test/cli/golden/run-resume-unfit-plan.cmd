run test/fixtures/deploy-schema/head --resume test/fixtures/deploy-schema/base.snapshot.json --plan --events test/fixtures/deploy-schema/fix.jsonl
