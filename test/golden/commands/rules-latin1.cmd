check test/golden/commands/files/latin1.rules
