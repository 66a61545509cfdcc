FROM golang:1.22.3-bookworm AS build
