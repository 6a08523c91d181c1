check test/cli/golden/files/utf16.rules
