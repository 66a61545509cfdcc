FROM golang:1.24-alpine AS build
WORKDIR /src
RUN go build -o /app .

FROM alpine:3.20
COPY --from=build /app /app
