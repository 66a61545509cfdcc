FROM golang:1.23
# RUN go mod download
LABEL step="go mod download"
ENV NOTE="go mod download"
RUN echo "go mod download" && sh -c 'go mod download'
RUN echo done # go mod download
COPY go.mod go.sum ./
CMD go mod download
ENTRYPOINT ["go", "mod", "download"]
