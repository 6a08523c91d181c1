fmt --check test/cli/golden/files/crlf.rules
