package vn.langso.camera.track;

/** Axis-aligned box in image pixels: top-left corner, width and height. */
public record Box(double x, double y, double width, double height) {

    public static Box fromCorners(double x1, double y1, double x2, double y2) {
        return new Box(x1, y1, x2 - x1, y2 - y1);
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    /** Returns the intersection over union with another box, 0 when they do not overlap. */
    public double iou(Box other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** Returns this box clipped to an image of the given size. */
    public Box clip(int imageWidth, int imageHeight) {
        double left = Math.clamp(x, 0, imageWidth);
        double top = Math.clamp(y, 0, imageHeight);
        double right = Math.clamp(x + width, 0, imageWidth);
        double bottom = Math.clamp(y + height, 0, imageHeight);
        return fromCorners(left, top, right, bottom);
    }
}
