FROM golang:1.23
RUN echo "go build" && apt-get update
RUN make build
CMD ["go", "run", "."]
