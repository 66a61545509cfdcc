#!/bin/sh
set -e
echo "building (note: vendored builds use -mod=vendor)"
go build -o /out/app .
