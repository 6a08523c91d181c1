fmt --check test/golden/commands/files/crlf.rules
