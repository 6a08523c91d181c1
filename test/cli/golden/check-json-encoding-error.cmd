check test/cli/golden/files/latin1.rules --format json
