#!/bin/bash
CUR_DIR="$(cd "$(dirname "$0")" && pwd)"
source "${CUR_DIR}/go_build_universal.sh"
