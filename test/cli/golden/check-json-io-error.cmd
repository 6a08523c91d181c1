check test/cli/golden/files/no-such.rules --format json
