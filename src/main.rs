fn main() {
    selfcheck_widget::start();
}
