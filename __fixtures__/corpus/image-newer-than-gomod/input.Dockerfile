FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /bin/newer ./cmd/newer

FROM alpine:3.20
COPY --from=build /bin/newer /bin/newer
