arg GO=1.22 IMAGE=golang:${GO}-alpine
from $IMAGE as build
