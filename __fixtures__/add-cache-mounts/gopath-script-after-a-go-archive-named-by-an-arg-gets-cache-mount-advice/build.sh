#!/bin/sh
go install ./cmd
