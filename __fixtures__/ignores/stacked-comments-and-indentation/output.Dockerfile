FROM golang:1.23 AS build
COPY . .
  # dockmod-ignore add-mod-flag
  # the tool must build from vendor/ one day
  RUN go build -o /tool ./cmd/tool
RUN go build -mod=mod -o /app .
