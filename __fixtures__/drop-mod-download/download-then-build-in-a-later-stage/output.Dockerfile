FROM golang:1.22 AS deps
WORKDIR /src
COPY go.mod go.sum ./

FROM deps AS build
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
