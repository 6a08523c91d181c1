check test/golden/commands/files/no-such.rules --format json
