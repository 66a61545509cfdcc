FROM golang:1.22 AS mods
WORKDIR /m
COPY go.mod go.sum ./
RUN go mod download

FROM golang:1.22
COPY --from=mods /go/pkg /go/pkg
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app/x .
