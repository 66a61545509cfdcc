FROM golang:1.24-alpine AS build
