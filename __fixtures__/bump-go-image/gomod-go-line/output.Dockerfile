FROM golang:1.24.2-bookworm AS build
