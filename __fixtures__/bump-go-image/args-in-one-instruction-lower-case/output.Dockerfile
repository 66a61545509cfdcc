arg GO=1.24 IMAGE=golang:${GO}-alpine
from $IMAGE as build
