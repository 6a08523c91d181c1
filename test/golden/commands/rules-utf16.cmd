check test/golden/commands/files/utf16.rules
