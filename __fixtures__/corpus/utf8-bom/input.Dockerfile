FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN go mod download
RUN go build -o /app .

FROM gcr.io/distroless/static
COPY --from=build /app /app
ENTRYPOINT ["/app"]
