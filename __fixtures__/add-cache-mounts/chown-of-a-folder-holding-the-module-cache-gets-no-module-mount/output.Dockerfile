FROM golang:1.23
RUN useradd -u 1000 -m dev
WORKDIR /app
RUN --mount=type=cache,target=/root/.cache/go-build \
    go install github.com/air-verse/air@latest && chown -R 1000:1000 /go
COPY --chown=1000 . .
USER dev
CMD ["air"]
