#!/bin/sh
set -e
go build -o /output/restic github.com/restic/restic/cmd/restic
