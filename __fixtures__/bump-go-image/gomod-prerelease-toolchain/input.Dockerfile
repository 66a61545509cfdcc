FROM golang:1.24 AS build
