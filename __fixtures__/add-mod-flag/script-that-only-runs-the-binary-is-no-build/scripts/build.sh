#!/bin/sh
set -e
go build -o app .
