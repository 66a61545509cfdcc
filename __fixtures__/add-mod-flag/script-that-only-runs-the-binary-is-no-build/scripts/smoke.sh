#!/bin/sh
set -e
./app --version
