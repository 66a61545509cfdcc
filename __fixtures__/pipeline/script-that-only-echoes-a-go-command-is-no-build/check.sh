#!/bin/sh
if ! command -v ltag >/dev/null; then
  >&2 echo "go install example.com/ltag@latest"
  exit 1
fi
ltag --check
