package main

import _ "example.com/app/tsnet"
