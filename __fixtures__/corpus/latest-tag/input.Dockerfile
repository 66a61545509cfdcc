FROM golang:latest AS build
WORKDIR /app
COPY . .
RUN go mod download
RUN go build -o server .

FROM ubuntu:22.04
COPY --from=build /app/server /server
CMD ["/server"]
