#!/bin/sh
go build -o app .
